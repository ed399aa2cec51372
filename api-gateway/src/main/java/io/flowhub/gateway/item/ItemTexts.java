package io.flowhub.gateway.item;

/** Rules for an item's free text. */
final class ItemTexts {

    /**
     * At least one character that is neither white space nor a control character: a name of blanks,
     * NULs or line breaks alone would be stored as nothing a person can read or search for.
     */
    static final String VISIBLE = "(?s).*[^\\s\\p{Cntrl}].*";

    private ItemTexts() {
    }
}
