package org.preconsult.adoption.model;

import java.time.Instant;
import java.util.List;
import org.preconsult.common.model.RuleText;

/**
 * A change notice of an adoption: the original changed (sent by the owner) or the adopter's
 * customized copy changed (sent by the adopter). Kept by both sides under the same message id.
 */
public record ChangeNotice(String messageId, String adoptionId, String fromNode, String toNode,
                           String changedEntryId, long changedVersion, String changedStatus, String text,
                           Instant sentAt, Instant recordedAt) {

    /** The text of a notice sent by itself when the original changed: its name, status and version. */
    public static final RuleText.Template ORIGINAL_CHANGED = new RuleText.Template("adoptions.auto.original",
            "The original {0} changed: now {1}, version {2}.");
    /** The text of a notice sent by itself when the adopter's customized copy changed: its name, status and version. */
    public static final RuleText.Template COPY_CHANGED = new RuleText.Template("adoptions.auto.copy",
            "The customized copy {0} changed: now {1}, version {2}.");
    /** The texts of the notices sent by themselves, for pages that show them in their language. */
    public static final List<RuleText.Template> TEXTS = List.of(ORIGINAL_CHANGED, COPY_CHANGED);
}
