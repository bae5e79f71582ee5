package org.preconsult.practice.application;

import org.preconsult.federation.model.PracticeMark;
import org.preconsult.practice.model.BestPracticeMark;

/** Maps best-practice marks to and from the form they travel in. */
public final class PracticeMarks {

    private PracticeMarks() {
    }

    public static PracticeMark of(BestPracticeMark m) {
        return new PracticeMark(m.entryId(), m.markingNode(), m.markingName(), m.reason(), m.markedAt(), m.withdrawn(),
                m.version());
    }

    public static BestPracticeMark mark(PracticeMark m) {
        return new BestPracticeMark(m.entryId(), m.markingNode(), m.markingName(), m.reason(), m.markedAt(),
                m.withdrawn(), m.version());
    }
}
