package org.preconsult.adoption.model;

import java.time.Instant;

/**
 * A change notice of an adoption: the original changed (sent by the owner) or the adopter's
 * customized copy changed (sent by the adopter). Kept by both sides under the same message id.
 */
public record ChangeNotice(String messageId, String adoptionId, String fromNode, String toNode,
                           String changedEntryId, long changedVersion, String changedStatus, String text,
                           Instant sentAt, Instant recordedAt) {
}
