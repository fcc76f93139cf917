package org.mandate.app.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail the test SMTP server received, read back: to whom, subject, plain text and HTML. */
public record ReceivedMail(List<String> to, String subject, String text, String html) {

    private static final Pattern LINK = Pattern.compile("(Approve|Reject):\\s+http://mandate\\.test(/mail/act/\\S+)");

    public static List<ReceivedMail> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).map(ReceivedMail::read)
                .filter(mail -> mail.to().contains(address)).toList();
    }

    /** The path of the approve or reject link in the plain text, e.g. /mail/act/… */
    public String link(String which) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(which)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("no " + which + " link in: " + text);
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message, parts);
            return new ReceivedMail(Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
                    message.getSubject(), parts[0], parts[1]);
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
