package org.ronghe.problem;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outcome of a form that redirects back to its page (post/redirect/get): runs the action and leaves a Chinese
 * notice for the next page — what was done, or why not: each field's message for invalid input, the rule for a
 * refused step (409). Other errors (403, 404) go on to the error page.
 */
public final class FormOutcome {

    private FormOutcome() {
    }

    /**
     * @param redirect where the notice is left (flash attribute {@code notice})
     * @param notDone  the prefix of a refusal, e.g. {@code 未办理}
     * @param action   the action; it returns the notice of success
     * @return whether the action succeeded
     * @throws Refusal any error other than invalid input or a refused step
     */
    public static boolean attempt(RedirectAttributes redirect, String notDone, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return true;
        } catch (InvalidInputException e) {
            // every problem, not one per field: two bad parcels are two messages
            redirect.addFlashAttribute("notice", notDone + "：" + String.join("；", e.problems().stream()
                    .map(FieldProblem::message).distinct().toList()));
            redirect.addFlashAttribute("noticeKind", "error");
        } catch (Refusal e) {
            if (e.kind() != Refusal.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("notice", notDone + "：" + e.detail());
            redirect.addFlashAttribute("noticeKind", "error");
        }
        return false;
    }

    /**
     * As {@link #attempt(RedirectAttributes, String, Supplier)} for an action with a fixed notice of success.
     *
     * @param done the notice of success
     */
    public static boolean attempt(RedirectAttributes redirect, String done, String notDone, Runnable action) {
        return attempt(redirect, notDone, () -> {
            action.run();
            return done;
        });
    }
}
