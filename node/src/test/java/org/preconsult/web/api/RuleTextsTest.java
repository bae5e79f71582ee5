package org.preconsult.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.preconsult.common.model.RuleText;
import org.preconsult.review.model.Routing;
import org.preconsult.web.infrastructure.Messages;

/** The texts the rules write reach a page in its language, with amounts formatted for it. */
class RuleTextsTest {

    static Ui ui(String lang) {
        return new Ui(Messages.of(Locale.forLanguageTag(lang)), "", "someone", Set.of(), "/", "Node", "PROVINCIAL",
                ZoneId.of("UTC"));
    }

    @Test
    void everyRuleText_isReadBackAsItsKeyAndArguments_andHasATextInBothLanguages() {
        var en = Messages.of(Locale.ENGLISH);
        var ko = Messages.of(Locale.KOREAN);
        for (var template : Ui.RULE_TEXTS) {
            long places = template.english().chars().filter(c -> c == '{').count();
            Object[] args = IntStream.range(0, (int) places).mapToObj(i -> "arg" + i).toArray();
            var parsed = RuleText.parse(template.fill(args), Ui.RULE_TEXTS);
            assertEquals(new RuleText(template.key(), List.of(args).stream().map(String::valueOf).toList()),
                    parsed.orElseThrow(), template.english());
            assertTrue(en.has(template.key()) && ko.has(template.key()), "no text for " + template.key());
        }
    }

    @Test
    void theRoutingReason_isShownInKorean_withTheAmountsGrouped() {
        String stored = Routing.WITHIN.fill(new BigDecimal("30000000.00").toPlainString(), "50000000");
        assertEquals("budget 30000000.00 is within the provincial threshold of 50000000", stored,
                "the stored and transmitted text stays the English one");
        String korean = ui("ko").rule(stored);
        assertTrue(korean.contains("30,000,000") && korean.contains("50,000,000") && korean.contains("이내"), korean);
        assertEquals("ko", ui("ko").ruleLang(stored));
        assertEquals("The budget of 30,000,000 is within the provincial threshold of 50,000,000.", ui("en").rule(stored));
    }

    @Test
    void aForwardedReason_isTranslatedInsideTheForwardingText() {
        String stored = Routing.FORWARDED_BY.fill("prov-north", Routing.ABOVE.fill("120000000", "100000000"));
        String korean = ui("ko").rule(stored);
        assertTrue(korean.startsWith("prov-north에서 이송: 예산 120,000,000"), korean);
    }

    @Test
    void theRecommendationsReasons_areTranslated_namesAndKindsIncluded() {
        String stored = "Overlaps the existing system 'Building permit online service' (city-b:sys-1) of City B, score 87%: "
                + "condition: adopt it, customizing as needed, and inform its owner of changes.";
        String korean = ui("ko").rule(stored);
        assertTrue(korean.contains("City B의 운영 중인 시스템 “Building permit online service”(city-b:sys-1)"), korean);
        assertTrue(korean.contains("유사도 87%"), korean);
        String incomplete = "The plan is incomplete; add: title, functions (or a description of at least 12 words).";
        assertEquals("사업계획이 완전하지 않습니다. 보완할 항목: 사업명, 기능 (또는 12단어 이상의 설명).", ui("ko").rule(incomplete));
    }

    @Test
    void textAPersonTyped_isShownAsTyped() {
        assertEquals("Adopt City B's system.", ui("ko").rule("Adopt City B's system."));
        assertFalse(ui("ko").ruleLang("Adopt City B's system.").equals("ko"));
    }
}
