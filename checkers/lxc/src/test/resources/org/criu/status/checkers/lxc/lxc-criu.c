/* SPDX-License-Identifier: LGPL-2.1+ */
/* Trimmed fixture standing in for lxc/lxc src/lxc/criu.c, the code behind lxc-checkpoint
 * that execs the criu binary to dump and restore containers; the definitions below are the
 * real ones at v7.0.0 (lines 1319, 1324, 1341 there). */
#include "criu.h"

static int exec_criu(struct cgroup_ops *cgroup_ops, struct lxc_conf *conf,
                     struct criu_opts *opts);

bool __criu_pre_dump(struct lxc_container *c, struct migrate_opts *opts)
bool __criu_dump(struct lxc_container *c, struct migrate_opts *opts)
bool __criu_restore(struct lxc_container *c, struct migrate_opts *opts)
