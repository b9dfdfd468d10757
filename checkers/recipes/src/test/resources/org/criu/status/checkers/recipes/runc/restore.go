package main










	Name:  "restore",
	Usage: "restore a container from a previous checkpoint",
