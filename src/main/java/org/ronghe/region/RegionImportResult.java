package org.ronghe.region;

/**
 * Outcome of a successful import.
 *
 * @param countyCode 6-digit code of the imported county
 * @param countyName name of the county
 * @param townships  township-level rows in the file
 * @param villages   village-level rows in the file
 * @param created    rows that were new
 * @param updated    rows that replaced an existing unit of the same code
 */
public record RegionImportResult(String countyCode, String countyName, int townships, int villages, int created,
                                 int updated) {
}
