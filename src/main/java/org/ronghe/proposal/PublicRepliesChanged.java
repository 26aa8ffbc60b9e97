package org.ronghe.proposal;

/**
 * Published when what the public reply pages show changes (a reply was published), so cached copies are dropped.
 *
 * @param countyCode the county whose pages changed
 */
public record PublicRepliesChanged(String countyCode) {
}
