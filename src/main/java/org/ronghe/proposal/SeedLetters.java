package org.ronghe.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.ronghe.document.ReplyExtractor;
import org.ronghe.tenancy.CountySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the county's real reply letters shipped with the platform ({@code classpath:seed/}, see its README) at the
 * first start, through the same importer staff use: for Gaoping (140581) the source letter 高发改发〔2025〕85号.
 * A letter already on file is recognised and left alone, so every later start does nothing. Property
 * {@code ronghe.seed-letters} ({@code true} by default) turns it off.
 */
@Component
class SeedLetters {

    private static final Logger log = LoggerFactory.getLogger(SeedLetters.class);

    /** County → letters shipped for it. */
    private static final java.util.Map<String, java.util.List<String>> LETTERS =
            java.util.Map.of("140581", java.util.List.of("seed/gaoping-reply-2025-85.txt"));

    private final ReplyImporter importer;
    private final CountySettings county;
    private final boolean enabled;

    SeedLetters(ReplyImporter importer, CountySettings county, @Value("${ronghe.seed-letters:true}") boolean enabled) {
        this.importer = importer;
        this.county = county;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void onReady() {
        if (enabled) {
            load();
        }
    }

    /** Imports the county's seed letters that are not on file yet; @return how many were stored */
    int load() {
        int stored = 0;
        for (String path : LETTERS.getOrDefault(county.code(), java.util.List.of())) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            String text;
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ImportOutcome outcome = importer.importReply(county.code(),
                    ReplyImport.of(new ReplyExtractor().extract(text), text, name));
            if (outcome.status() == ImportOutcome.Status.CREATED) {
                stored++;
                log.info("Loaded seed letter {} (reply {})", name, outcome.replyId());
            }
        }
        return stored;
    }
}
