















package containers












	Name:      "checkpoint",
	Usage:     "Checkpoint a container",
