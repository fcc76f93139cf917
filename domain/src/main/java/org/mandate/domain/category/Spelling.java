package org.mandate.domain.category;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds what someone probably meant: the known word fewest single-letter edits away, if it is close enough. */
final class Spelling {

    private Spelling() {
    }

    /**
     * Within a third of the word's length (at least one edit), so 'equipmnet' finds 'equipment', 'trp' finds 'trip',
     * and neither 'zoo' nor 'it' finds anything.
     */
    static Optional<String> closest(String typed, Collection<String> known) {
        String word = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
        int allowed = Math.max(1, word.length() / 3);
        return known.stream()
                .filter(candidate -> distance(word, candidate) <= allowed)
                .min(Comparator.comparingInt((String candidate) -> distance(word, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
