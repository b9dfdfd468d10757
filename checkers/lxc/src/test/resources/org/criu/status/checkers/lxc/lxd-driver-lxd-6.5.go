// Trimmed stand-in for canonical/lxd lxd/instance/drivers/driver_lxc.go at lxd-6.5.
// lxd-criu-counts.json: the word criu appears 53 times in the real file here.
package drivers

func (d *lxc) migrate(args *instance.CriuMigrationArgs) error {
	switch args.Cmd {
	case liblxc.MIGRATE_PRE_DUMP:
	case liblxc.MIGRATE_DUMP:
	case liblxc.MIGRATE_RESTORE:
	}
	return d.c.Migrate(args.Cmd, liblxc.MigrateOptions{Directory: args.StateDir})
}

// (stand-in for mention 1 of criu in the real file)
// (stand-in for mention 2 of criu in the real file)
// (stand-in for mention 3 of criu in the real file)
// (stand-in for mention 4 of criu in the real file)
// (stand-in for mention 5 of criu in the real file)
// (stand-in for mention 6 of criu in the real file)
// (stand-in for mention 7 of criu in the real file)
// (stand-in for mention 8 of criu in the real file)
// (stand-in for mention 9 of criu in the real file)
// (stand-in for mention 10 of criu in the real file)
// (stand-in for mention 11 of criu in the real file)
// (stand-in for mention 12 of criu in the real file)
// (stand-in for mention 13 of criu in the real file)
// (stand-in for mention 14 of criu in the real file)
// (stand-in for mention 15 of criu in the real file)
// (stand-in for mention 16 of criu in the real file)
// (stand-in for mention 17 of criu in the real file)
// (stand-in for mention 18 of criu in the real file)
// (stand-in for mention 19 of criu in the real file)
// (stand-in for mention 20 of criu in the real file)
// (stand-in for mention 21 of criu in the real file)
// (stand-in for mention 22 of criu in the real file)
// (stand-in for mention 23 of criu in the real file)
// (stand-in for mention 24 of criu in the real file)
// (stand-in for mention 25 of criu in the real file)
// (stand-in for mention 26 of criu in the real file)
// (stand-in for mention 27 of criu in the real file)
// (stand-in for mention 28 of criu in the real file)
// (stand-in for mention 29 of criu in the real file)
// (stand-in for mention 30 of criu in the real file)
// (stand-in for mention 31 of criu in the real file)
// (stand-in for mention 32 of criu in the real file)
// (stand-in for mention 33 of criu in the real file)
// (stand-in for mention 34 of criu in the real file)
// (stand-in for mention 35 of criu in the real file)
// (stand-in for mention 36 of criu in the real file)
// (stand-in for mention 37 of criu in the real file)
// (stand-in for mention 38 of criu in the real file)
// (stand-in for mention 39 of criu in the real file)
// (stand-in for mention 40 of criu in the real file)
// (stand-in for mention 41 of criu in the real file)
// (stand-in for mention 42 of criu in the real file)
// (stand-in for mention 43 of criu in the real file)
// (stand-in for mention 44 of criu in the real file)
// (stand-in for mention 45 of criu in the real file)
// (stand-in for mention 46 of criu in the real file)
// (stand-in for mention 47 of criu in the real file)
// (stand-in for mention 48 of criu in the real file)
// (stand-in for mention 49 of criu in the real file)
// (stand-in for mention 50 of criu in the real file)
// (stand-in for mention 51 of criu in the real file)
