package org.perfledger.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfledger.kernel.security.Identity;

/** One rule for every stored identity: the token check, the metadata and the tables agree on it. */
class IdentityTest {

    @Test
    void anIdentityIsOneToAHundredCharactersWithoutSpacesOrControls() {
        assertThat(Identity.problem("dh.scjgj.editor")).isEmpty();
        assertThat(Identity.problem("3f0c2a8e-8d4f-4b4a-9a8e-2c1d5e6f7a8b")).isEmpty();
        assertThat(Identity.problem("张三@财政局")).isEmpty();
        assertThat(Identity.problem("甲".repeat(Identity.MAX_LENGTH))).isEmpty();
        assertThat(Identity.problem(null)).contains("is missing");
        assertThat(Identity.problem("")).contains("is missing");
        assertThat(Identity.problem("a".repeat(Identity.MAX_LENGTH + 1))).isPresent();
        assertThat(Identity.problem("zhang san")).isPresent();
        assertThat(Identity.problem("a\u3000b")).as("an ideographic space").isPresent();
        assertThat(Identity.problem("a\u200eb")).as("a format character").isPresent();
        assertThat(Identity.problem("a\nb")).isPresent();
    }
}
