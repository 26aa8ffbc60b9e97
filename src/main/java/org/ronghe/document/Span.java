package org.ronghe.document;

/**
 * Where an extracted value stands in the letter's text: {@code [start, end)} in UTF-16 code units of the text
 * the extractor was given (after reading the file, before any normalisation).
 *
 * @param start index of the first character
 * @param end   index after the last character
 */
public record Span(int start, int end) {
}
