package org.preconsult.review.model;

public enum CaseStatus {
    OPEN,
    DECIDED
}
