package org.ronghe.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the default county's units (NBS 2023 edition, shipped in the jar) at the first start, through the same
 * importer and validation as any other county. Runs once all beans exist (migrations applied) and before the web
 * server accepts requests, so no request ever sees a half-seeded county.
 */
@Component
class RegionSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RegionSeeder.class);
    static final String SOURCE = "国家统计局 统计用区划代码和城乡划分代码（2023年度）";

    private final CountySettings county;
    private final RegionDirectory directory;
    private final RegionImporter importer;

    RegionSeeder(CountySettings county, RegionDirectory directory, RegionImporter importer) {
        this.county = county;
        this.directory = directory;
        this.importer = importer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (directory.find(county.divisionCode()).isPresent()) {
            return;
        }
        ClassPathResource resource = new ClassPathResource(county.seedFile());
        if (!resource.exists()) {
            log.warn("No region file {} for county {}; import one at /admin/regions/import", county.seedFile(), county.code());
            return;
        }
        try (InputStream in = resource.getInputStream()) {
            RegionImportResult result = importer.importCsv(in, SOURCE);
            log.info("Loaded regions of {} ({}): {} townships, {} villages", result.countyName(), result.countyCode(),
                    result.townships(), result.villages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
