package org.mandate.app.request.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The new request form as typed; the amount stays text until it is read, so a typo gets a plain message. */
public class NewRequestForm {

    @NotBlank(message = "Say what you need, e.g. ‘Microscope for the lab’.")
    @Size(max = 200, message = "Keep the title under 200 characters; put the details in the description.")
    private String title;

    @NotBlank(message = "Choose a category, e.g. equipment or trip.")
    @Size(max = 64, message = "Keep the category under 64 characters.")
    @Pattern(regexp = "[\\p{L}\\p{N} _-]*", message = "Use letters, digits, spaces, ‘-’ and ‘_’ only.")
    private String category;

    @NotBlank(message = "Enter the amount, e.g. 1500 or 1500.50.")
    private String amount;

    @Size(max = 10_000, message = "Keep the description under 10,000 characters.")
    private String description;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
