package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MedicalWebPageJsonLdTest {

    @Test
    void whatHtmlOrOldScriptParsersReadSpeciallyIsEscapedAndTheJsonStaysTheSame() {
        String json = JsonMapper.builder()
                .build()
                .writeValueAsString(java.util.Map.of("name", "</script><!-- & \u2028\u2029 >"));

        String safe = MedicalWebPageJsonLd.forScriptElement(json);

        assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(safe).contains("\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e");
        assertThat(JsonMapper.builder().build().readTree(safe).get("name").asString())
                .isEqualTo("</script><!-- & \u2028\u2029 >");
    }
}
