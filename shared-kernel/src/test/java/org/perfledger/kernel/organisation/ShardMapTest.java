package org.perfledger.kernel.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardMapTest {

    private static final String TWO = """
            east = donghu, xihu | http://command-east:8081 | jdbc:postgresql://pg-east:5432/perfledger
            rest = *            | https://command-rest.example | jdbc:postgresql://pg-rest/perfledger?ssl=true
            """;

    @Test
    void aDistrictIsKeptByTheShardNamingItElseByTheRestShard() {
        ShardMap map = ShardMap.parse(TWO);
        assertThat(map.unsharded()).isFalse();
        assertThat(map.shards()).extracting(ShardMap.Shard::name).containsExactly("east", "rest");
        assertThat(map.keeper(DistrictId.of("xihu")).orElseThrow().name()).isEqualTo("east");
        assertThat(map.keeper(DistrictId.of("nanshan")).orElseThrow().name()).isEqualTo("rest");
        assertThat(map.keeper(DistrictId.of("donghu")).orElseThrow().commandApi())
                .hasToString("http://command-east:8081");
        assertThat(map.shard("rest").orElseThrow().eventStoreUrl())
                .isEqualTo("jdbc:postgresql://pg-rest/perfledger?ssl=true");
        // written back, it reads as the same map
        assertThat(ShardMap.parse(map.toString()).toString()).isEqualTo(map.toString());
    }

    @Test
    void withoutARestShardAnUnnamedDistrictIsKeptNowhere() {
        ShardMap map = ShardMap.parse("a=donghu|http://a:1|jdbc:postgresql://a/p;b=xihu|http://b:1|jdbc:postgresql://b/p");
        assertThat(map.keeper(DistrictId.of("nanshan"))).isEmpty();
        assertThat(map.keeper(DistrictId.of("xihu")).orElseThrow().name()).isEqualTo("b");
    }

    @Test
    void blankIsTheUnshardedPlatform() {
        assertThat(ShardMap.parse("  ")).isSameAs(ShardMap.NONE);
        assertThat(ShardMap.parse(null).unsharded()).isTrue();
        assertThat(ShardMap.NONE.keeper(DistrictId.of("donghu"))).isEmpty();
    }

    @Test
    void aMapThatDoesNotHoldTogetherIsRefusedNamingTheShardAndTheRule() {
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|http://a:1"))
                .hasMessageContaining("is not 'name = districts | command API | event store JDBC URL'");
        assertThatThrownBy(() -> ShardMap.parse("A b=donghu|http://a:1|jdbc:postgresql://a/p"))
                .hasMessageContaining("shard name 'A b'");
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|http://a:1|jdbc:postgresql://a/p;"
                + "a=xihu|http://b:1|jdbc:postgresql://b/p")).hasMessageContaining("shard a is named twice");
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|http://a:1|jdbc:postgresql://a/p;"
                + "b=xihu,donghu|http://b:1|jdbc:postgresql://b/p"))
                .hasMessageContaining("district donghu is kept by both shard a and shard b");
        assertThatThrownBy(() -> ShardMap.parse("a=*|http://a:1|jdbc:postgresql://a/p;b=*|http://b:1|jdbc:postgresql://b/p"))
                .hasMessageContaining("shards a and b both keep '*'");
        assertThatThrownBy(() -> ShardMap.parse("a=Dong Hu|http://a:1|jdbc:postgresql://a/p"))
                .hasMessageContaining("shard a: district must be");
        assertThatThrownBy(() -> ShardMap.parse("a= , |http://a:1|jdbc:postgresql://a/p"))
                .hasMessageContaining("shard a keeps no district");
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|ftp://a:1|jdbc:postgresql://a/p"))
                .hasMessageContaining("shard a: command API 'ftp://a:1'");
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|http://user:pw@a:1|jdbc:postgresql://a/p"))
                .hasMessageContaining("command API");
        assertThatThrownBy(() -> ShardMap.parse("a=donghu|http://a:1|jdbc:mysql://a/p"))
                .hasMessageContaining("shard a: event store 'jdbc:mysql://a/p' is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> ShardMap.parse("x".repeat(ShardMap.MAX_TEXT + 1)))
                .hasMessageContaining("longer than");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= ShardMap.MAX_SHARDS; i++) {
            many.append("s").append(i).append("=d").append(i).append("|http://a:1|jdbc:postgresql://a/p;");
        }
        assertThatThrownBy(() -> ShardMap.parse(many.toString())).hasMessageContaining("more than 256 shards");
    }
}
