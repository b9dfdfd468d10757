/* SPDX-License-Identifier: LGPL-2.1+ */
/* Trimmed fixture standing in for lxc/lxc src/lxc/criu.c, the code behind lxc-checkpoint
 * that execs the criu binary to dump and restore containers. */
#include "criu.h"

static int exec_criu(struct cgroup_ops *cgroup_ops, struct lxc_conf *conf,
                     struct criu_opts *opts);
