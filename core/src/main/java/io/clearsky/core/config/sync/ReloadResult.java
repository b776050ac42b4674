package io.clearsky.core.config.sync;

import java.util.List;

/**
 * The outcome of a reload.
 *
 * @param revision the revision now in force
 * @param fingerprint its content fingerprint
 * @param changed paths of the fields that changed; empty when the objects had not changed
 * @param acknowledged instances that answered for this revision, applied or refused
 * @param pending known instances that did not answer in time, with what they last said
 */
public record ReloadResult(long revision, String fingerprint, List<String> changed, List<InstanceState> acknowledged,
        List<InstanceState> pending) {
}
