package org.criu.status.checkers.lxc;

import java.util.List;
import org.criu.status.core.testkit.GitHubFixtures.CommitSpec;

/**
 * The commits that touched lxd/instance/drivers/driver_lxc.go on lxd-6.6 since lxd-6.5 (2025-08-01), newest first,
 * with their committer dates, messages and parents, as canonical/lxd's git history has them: what
 * {@code GET /repos/canonical/lxd/commits?sha=lxd-6.6&path=...} lists.
 */
final class LxdHistory {

    private LxdHistory() {
    }

    static final List<CommitSpec> COMMITS = List.of(
            new CommitSpec("77d319d8902612c1b8d33fa34953b74a15c042e5", "2025-11-13T09:25:48+00:00",
                    "lxd/instance/drivers/driver/lxc: Standardise VolatileSet wrapped errors",
                    List.of("f27582ffcc606f124fd97f30f622cae5b755c990")),
            new CommitSpec("a078c9b8e3a6b935ba82abd6443df85c2b9019a5", "2025-10-28T13:38:21-06:00",
                    "lxd/instance/drivers: Clear \"volatile.cluster.group\" when \"placement.group\" set",
                    List.of("e703a1ecbccefc9ce07e77357a6b48c8a196e8e1")),
            new CommitSpec("dae266e5f13048aec55f295c3bd659142c888f4b", "2025-10-17T08:18:49-06:00",
                    "lxd/instance/lxc: Add support for migration operation and lifecycle\n\n(cherry picked from commit 49932b1806ad6109b91435206ef2e80071060d3a)\nLicense: Apache-2.0",
                    List.of("b8db5a000f9ee14590097adbd93fa23b4df18635")),
            new CommitSpec("ea265c400e10324e064348642eae00502ce9d01c", "2025-10-10T09:50:09-04:00",
                    "lxd/instance/drivers/lxc: Use constant instead of hardcoded value in Start func",
                    List.of("c9a94f4f2c6693e6e461a4535a836f6bafdcebbb")),
            new CommitSpec("c9a94f4f2c6693e6e461a4535a836f6bafdcebbb", "2025-10-10T09:48:56-04:00",
                    "lxd/instance/drivers/lxc: Refactor Start operation to wait for stop on failure\n\nRefactor `Start()` function for LXC driver to wait for stop on failure.\nAlso, use reverter to clean up instance devices on failure.",
                    List.of("e8e41f6907e89ebba41c88bd4bed1bc07329b496")),
            new CommitSpec("5734cabab6e2f2f2944432e540a7afc56682c1a4", "2025-10-03T13:35:46-06:00",
                    "lxd/instance/drivers: extract deleteCommon() from (lxc/qemu).Delete()",
                    List.of("b91b70123e64c719782845f82275cb135cac1834")),
            new CommitSpec("200b77463e47aede6ac3529b4f871b0ac64d4eb6", "2025-10-03T13:00:22-06:00",
                    "lxd/instance/drivers: update (lxc/qemu).Delete() calls",
                    List.of("dadd008f672fb7bf07817bc8829a573522feb7d5")),
            new CommitSpec("96ee216521613d8673bc6e9f563446b873b4d47f", "2025-10-03T11:05:36-06:00",
                    "lxd/instance/drivers: add diskVolumesMode param to (lxc/qemu).Delete() implementations",
                    List.of("2c97b0e94b030443a5d0e20ff048e129f83341c2")),
            new CommitSpec("c3200ba18b195ab604d26d7155fc8e88d65ad4bb", "2025-10-03T11:05:36-06:00",
                    "lxd/instance/drivers: pass diskVolumesMode to restoreCommon()",
                    List.of("3450bcde0bf426275750295e9052f8041a87ea68")),
            new CommitSpec("884f442463ba54f415226e4de742ca069aca2552", "2025-10-03T11:02:52-06:00",
                    "lxd/instance/drivers: de-duplicate shared restore logic\n\nPush pool.RestoreInstanceSnapshot() up to (common).restoreCommon()",
                    List.of("f498a13a0dad877a103f91abe7a6f6d78a59c20c")),
            new CommitSpec("f498a13a0dad877a103f91abe7a6f6d78a59c20c", "2025-10-03T11:02:52-06:00",
                    "lxd/instance/drivers: move d.stopForkfile() call up in (lxc).Restore()",
                    List.of("376b28877946e873b4bc5b160ded9d10c10dd659")),
            new CommitSpec("2ffbe9069a2f6f99b346ef75baee01d49f4ec281", "2025-10-03T11:02:51-06:00",
                    "lxd/instance/drivers: pass diskVolumesMode to (*lxc).[S|s]napshot() methods",
                    List.of("7fe0c064b5a5853c7633c74d6f8d9bfff6c2199b")),
            new CommitSpec("7fe0c064b5a5853c7633c74d6f8d9bfff6c2199b", "2025-10-03T11:02:51-06:00",
                    "lxd/instance/drivers: add diskVolumesMode param to (*lxc/qemu).Restore()",
                    List.of("ef1e4e43fe8edbc18d95fc38f6a9d35b29ac32c0")),
            new CommitSpec("b301c05e2ba8316d228902683aea9c19d265d1d6", "2025-09-12T20:20:04-04:00",
                    "lxd/instance/drivers/lxc: ignore clean stop of SFTP server\n\nIf a SFTP server was spawned and is still around when a container is stopped,\nit will be `SIGTERM`'ed to do an orderly shutdown. This is perfectly normal so\nit shouldn't cause any log message.\n\nFixes #15925",
                    List.of("dbd8f7939a55e2c526ccdd3fd88d1de48bbdf273")),
            new CommitSpec("92541a5a60926e4e30645328146319dfa75b93c8", "2025-09-04T09:20:07+01:00",
                    "Extract `(*common).restoreCommon()` method from `(*lxc/*qemu).Restore()` (#16334)\n\nThis refactoring was included with\nhttps://github.com/canonical/lxd/pull/15349. I've extracted this change\nto reduce the size of https://github.com/canonical/lxd/pull/16336. I've\nalso included a commit which expands the godoc comment of\n`(*common).snapshotCommon()`.",
                    List.of("dc94228a8d4fd8ad61561be0ad60a39bef06caf6", "1ab6944d93880d257d055e2f3112efd9e8867166")),
            new CommitSpec("b38d7f31ce137d8b7f3e874ae0641905f3718e19", "2025-09-02T08:32:15-04:00",
                    "lxd/instance/drivers/lxc: avoid explicit type declaration for global vars",
                    List.of("8cbe6063c4cc5e86f84675f92b667eb643253abe")),
            new CommitSpec("4d36c3a26a0dbcb718414b48c806cc4896b4c9b4", "2025-08-27T11:31:22-06:00",
                    "lxd/instance/drivers: use (*common).restoreCommon() in (*lxc).Restore()",
                    List.of("5923e41d946c8b1427274961f872247298322478")),
            new CommitSpec("958860b56511b2ccf521ac35f0693f2770eef1e6", "2025-08-26T08:21:07-06:00",
                    "lxd/instance/drivers: return error when Unfreeze() fails",
                    List.of("c1642d5b9970d72f080710ddd0a987580c0a0a2d")),
            new CommitSpec("c1642d5b9970d72f080710ddd0a987580c0a0a2d", "2025-08-26T08:20:59-06:00",
                    "lxd/instance/drivers: remove criu migration support",
                    List.of("50f9c9e52a7b0d0d4fc703d15ee6665a7de9104c")),
            new CommitSpec("a69077d6cdfda8ad09229a8aca52022f0db0d354", "2025-08-25T21:41:59-04:00",
                    "lxd/instance/drivers/lxc: check array length before access\n\nPoint to `man 5 fstab` for a description of each fields.",
                    List.of("8fb658b621a37400290c162787df651fc048db2c")),
            new CommitSpec("a58531740acae4381e88d8092905018e7711b1c4", "2025-08-20T17:56:08-04:00",
                    "gomod: Update dependencies",
                    List.of("2b9aa689d407dd0889087f595f3bec270b306e68")),
            new CommitSpec("2b9aa689d407dd0889087f595f3bec270b306e68", "2025-08-20T16:59:51-04:00",
                    "*.go: replace unmaintained `gopkg.in/yaml.v2` by `go.yaml.in/yaml/v2`",
                    List.of("8769c3d21089964e01e5a98b7c707d8a13ad120f")),
            new CommitSpec("990feb3e6ec144f1fbca88b6172c7f2f51f70ca5", "2025-08-05T09:03:00-06:00",
                    "lxd/instance/drivers: Only warn when mount point removal fails",
                    List.of("82da7c1af24ffb4616223a978b4943010a3fc29e")),
            new CommitSpec("7a1a17618cac4b95eea865fa8e7b981a83905fbc", "2025-08-01T10:37:56-06:00",
                    "lxd/instance/drivers: Only remove container mountpoints in /dev\n\n(cherry picked from commit 3150202a805efe8b8dfe22edfd57d6e99f855e57)\nLicense: Apache-2.0",
                    List.of("e60c0d6123945dbdaa98bafa50ee976f5f83b30f")));
}
