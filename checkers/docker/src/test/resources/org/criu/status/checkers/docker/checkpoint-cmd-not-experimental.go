// Trimmed fixture shaped like docker/cli cli/command/checkpoint/cmd.go: only the command
// definition and its annotations matter to the checker.
package checkpoint

func newCheckpointCommand(dockerCLI command.Cli) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "checkpoint",
		Short: "Manage checkpoints",
		Annotations: map[string]string{
			"ostype":       "linux",
			"version":      "1.25",
		},
	}
	return cmd
}
