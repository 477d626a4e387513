package com.example.testapi.bench.power;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the deployed function starts, which decides what the cold-start bound means. template.yaml deploys SnapStart
 * versions behind the {@code live} alias: a cold start there is a restore of a snapshot taken at publish, which no
 * local run can play, and AWS publishes no restore time per memory size (only "as low as sub-second startup",
 * docs.aws.amazon.com/lambda/latest/dg/snapstart.html). So with {@code snapstart} (the default) the on-demand cold
 * start is reported but not a bound; with {@code ondemand} ({@code -Dbench.power.startMode=ondemand}) it is. Either
 * way a size whose on-demand init passes Lambda's 10 s init limit is flagged and left out: on demand it cannot start,
 * and we found no documented limit for a SnapStart version's init at publish to rely on instead.
 */
enum StartMode {
    SNAPSTART, ONDEMAND;

    /** Lambda's limit on an on-demand function's init phase. */
    static final double INIT_LIMIT_MS = 10_000;

    static StartMode configured() {
        return valueOf(System.getProperty("bench.power.startMode", "snapstart").toUpperCase());
    }

    boolean coldStartIsBound() {
        return this == ONDEMAND;
    }

    Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("mode", name().toLowerCase());
        described.put("coldStartBound", coldStartIsBound() ? "applied: the median on-demand cold start must stay"
                + " within the bound" : "not applied: the deployed SnapStart versions restore from a snapshot, which"
                + " cannot be played here; AWS documents 'as low as sub-second startup' and no restore time per size"
                + " (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). The on-demand figures are reported");
        described.put("initLimitMs", INIT_LIMIT_MS);
        described.put("initLimit", "a size whose median on-demand init passes Lambda's 10 s init limit is flagged "
                + "(initOverLambdaLimit) and left out in either mode");
        return described;
    }
}
