// Command coachbook builds static sites of self-guided coaching workbooks
// from Markdown.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit statuses, as documented in the README.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// command is one subcommand; each lives in its own file.
type command interface {
	// Run runs the command with the arguments after its name.
	Run(ctx context.Context, args []string) error
}

// usageError is a mistake in how coachbook was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(runInterruptible(os.Args[1:], os.Stdout, os.Stderr))
}

// runInterruptible runs coachbook with a context that the first Ctrl-C or
// SIGTERM cancels: a build stops at once, leaving the previous output as
// it was, and serve shuts down. The signals then get their default
// handling back, so a second one ends coachbook without waiting.
func runInterruptible(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return run(ctx, args, stdout, stderr)
}

// run runs coachbook with args and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	commands := map[string]command{
		"build":   &buildCommand{stdout: stdout, stderr: stderr},
		"serve":   &serveCommand{stdout: stdout},
		"new":     &newCommand{stdout: stdout},
		"version": &versionCommand{stdout: stdout},
	}
	name := "help"
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	var err error
	switch name {
	case "help", "-h", "-help", "--help":
		err = help(stdout, commands, args)
	default:
		cmd, ok := commands[name]
		if !ok {
			err = usageError{fmt.Sprintf("unknown command %q\nRun 'coachbook help' for the list of commands.", name)}
			break
		}
		err = cmd.Run(ctx, args)
	}
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "coachbook: error: %s\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "coachbook: error: %s\n", err)
		return exitError
	}
}

const mainUsage = `coachbook builds static sites of self-guided coaching workbooks.

Usage:
  coachbook <command> [flags]

Commands:
  serve     serve the site as you edit it, reloading on every save
  build     build the site into public/
  new       create a site, or a workbook from an archetype
  version   print the version
  help      show help for a command

Run 'coachbook help <command>' or 'coachbook <command> -h' for its flags.
`

func help(w io.Writer, commands map[string]command, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprint(w, mainUsage)
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		return usageError{fmt.Sprintf("unknown command %q\nRun 'coachbook help' for the list of commands.", args[0])}
	}
	return cmd.Run(context.Background(), []string{"-h"})
}

// flagSet is a command's flags with the usage text printed for -h.
type flagSet struct {
	*flag.FlagSet
	usage string
	w     io.Writer
}

// newFlagSet returns a flag set that prints nothing itself: run reports
// flag errors, and -h prints the usage to w.
func newFlagSet(name, usage string, w io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, usage: usage, w: w}
}

// parse parses args, printing the usage for -h, turning flag errors into
// usage errors and rejecting stray arguments.
func (fs *flagSet) parse(args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(fs.w, fs.usage)
			fmt.Fprintln(fs.w, "\nFlags:")
			fs.SetOutput(fs.w)
			fs.PrintDefaults()
			return err
		}
		return usageError{fmt.Sprintf("%s: %s\nRun 'coachbook %s -h' for usage.", fs.Name(), err, fs.Name())}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q\nRun 'coachbook %s -h' for usage.", fs.Name(), strings.Join(fs.Args(), " "), fs.Name())}
	}
	return nil
}
