package org.perfledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfledger.kernel.organisation.ShardMap;

/** What the web UI's page tells its scripts about where each district's commands go. */
class CommandShardsTest {

    @Test
    void eachNamedDistrictGoesToItsShardAndTheRestToTheStarShard() {
        ShardMap map = ShardMap.parse("east = donghu, xihu | http://command-east:8081 | jdbc:postgresql://e/p;"
                + "rest = * | https://command-rest.example | jdbc:postgresql://r/p");
        assertThat(WebUiController.commandShards(map)).isEqualTo("{\"districts\":{\"donghu\":\"http://command-east:8081\","
                + "\"xihu\":\"http://command-east:8081\"},\"rest\":\"https://command-rest.example\"}");
    }

    @Test
    void unshardedThePageNamesNoShards() {
        assertThat(WebUiController.commandShards(ShardMap.NONE)).isEmpty();
    }

    @Test
    void thePageAllowsConnectionsToEveryShardsCommandService() {
        WebUiController controller = new WebUiController("", "", "perfledger-web", ShardMap.parse(
                "east = donghu | http://command-east:8081 | jdbc:postgresql://e/p;"
                        + "rest = * | https://command-rest.example | jdbc:postgresql://r/p"));
        var page = controller.page();
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .contains("connect-src 'self' http://command-east:8081 https://command-rest.example;");
        assertThat(page.getBody()).contains("<meta name=\"perfledger-command-shards\" content=\"{&quot;districts&quot;:"
                + "{&quot;donghu&quot;:&quot;http://command-east:8081&quot;}");
    }
}
