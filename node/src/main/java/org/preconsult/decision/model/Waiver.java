package org.preconsult.decision.model;

import java.time.Instant;

/**
 * A condition's waiver as its deciding node issues it: the plan's owner ({@code ownerNode}) is
 * released from the condition, for the reason given.
 */
public record Waiver(String waiverId, String conditionId, String decisionId, String planId, String ownerNode,
                     String decidingNode, String reason, Instant waivedAt, String waivedBy) {
}
