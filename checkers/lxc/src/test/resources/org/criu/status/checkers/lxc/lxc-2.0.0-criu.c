/* src/lxc/criu.c at lxc/lxc lxc-2.0.0 (2016-04-06): its first 3 lines and the definitions of the
 * CRIU operations; the other lines are left out. */
/*
 * lxc: linux Container library
 *
bool __criu_pre_dump(struct lxc_container *c, char *directory, bool verbose, char *predump_dir, char *pageserver_address, char *pageserver_port)
bool __criu_dump(struct lxc_container *c, char *directory, bool stop, bool verbose, char *predump_dir, char *pageserver_address, char *pageserver_port)
bool __criu_restore(struct lxc_container *c, char *directory, bool verbose)
