package main

import (
	"context"
	"log/slog"
	"time"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/linkcheck"
	"claimtracker/models"
	"claimtracker/wayback"
)

// linkEnv is what link checks and Wayback copies need beside the store:
// a fetcher whose size limit is the archive's (so that what was archived
// can be compared), the per-host gap, the check interval (0: off) and
// the Wayback settings.
type linkEnv struct {
	fetcher         *fetcher.Client
	hostGap         time.Duration
	interval        time.Duration
	wayback         bool
	waybackEndpoint string
}

// handleLinkJobs registers the check_link handler and, with --wayback, the
// wayback one (off, queued wayback jobs wait unclaimed).
func handleLinkJobs(runner *jobs.Runner, store *models.Store, env linkEnv) {
	if env.fetcher == nil {
		return
	}
	runner.Handle(models.JobCheckLink, (&linkcheck.Checker{Store: store, Fetcher: env.fetcher, HostGap: env.hostGap}).Handle)
	if env.wayback {
		runner.Handle(models.JobWayback, (&wayback.Saver{Store: store, Fetcher: env.fetcher, Endpoint: env.waybackEndpoint, HostGap: env.hostGap}).Handle)
	}
}

// scheduleLinkChecks asks, every few minutes until ctx ends, for the link
// checks that are due (see linkcheck.Scheduler); it returns at once when
// they are off.
func scheduleLinkChecks(ctx context.Context, store *models.Store, logger *slog.Logger, env linkEnv) {
	(&linkcheck.Scheduler{Store: store, Interval: env.interval, HostGap: env.hostGap, Logger: logger}).Run(ctx)
}
