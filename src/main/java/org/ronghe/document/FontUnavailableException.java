package org.ronghe.document;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document cannot be drawn because the font of a role it needs cannot be used (see {@link FontRoles}): its setting
 * points at a missing file, a file that is not a TrueType font, an absent collection member, or a font whose licence
 * bits forbid embedding. The message names each setting in Chinese.
 */
public class FontUnavailableException extends RuntimeException {

    private final transient List<FontRoles.Problem> problems;

    /** @param problems the roles that cannot be used (at least one) */
    public FontUnavailableException(List<FontRoles.Problem> problems) {
        super(problems.stream().map(FontRoles.Problem::message).collect(Collectors.joining("；")));
        this.problems = List.copyOf(problems);
    }

    /** @return the roles that cannot be used */
    public List<FontRoles.Problem> problems() {
        return problems;
    }

    /** @return what is wrong, for people using the platform: each setting named, no file paths of the server */
    public String publicMessage() {
        return problems.stream().map(FontRoles.Problem::publicMessage).collect(Collectors.joining("；"));
    }
}
