package org.ronghe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module structure: no cycles, no access to another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RongheApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("database", "tenancy", "problem", "audit", "region", "department", "account", "privacy",
                        "portal");
    }
}
