package org.ronghe.document;

/** A letter file that cannot be read as a letter: missing, empty, too large, of an unsupported type, or damaged. */
public class UnreadableLetterException extends Exception {

    /** @param message what is wrong, in Chinese, for a person */
    public UnreadableLetterException(String message) {
        super(message);
    }
}
