package io.clearsky.gateway.health;

import io.clearsky.core.config.LiveConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket large results are copied to exists and this role may use it.
 */
public final class ResultsBucketCheck implements ComponentCheck {

    private final S3Client s3;

    private final LiveConfig live;

    public ResultsBucketCheck(S3Client s3, LiveConfig live) {
        this.s3 = s3;
        this.live = live;
    }

    @Override
    public String name() {
        return "results_bucket";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public CheckResult check() {
        String bucket = this.live.get().chatbot().s3().resultsBucket();
        if (bucket == null) {
            return CheckResult.disabled("no s3.results_bucket configured; large results are kept locally");
        }
        this.s3.headBucket((request) -> request.bucket(bucket));
        return CheckResult.up("s3://" + bucket + " reachable");
    }
}
