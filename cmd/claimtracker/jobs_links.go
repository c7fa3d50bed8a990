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

// linkEnv is what link checks and Wayback copies need beside the jobs'
// environment: the per-host gap, the check interval (0: off) and the
// Wayback settings.
type linkEnv struct {
	hostGap         time.Duration
	interval        time.Duration
	wayback         bool
	waybackEndpoint string
}

// handleLinkJobs registers the check_link handler and, with --wayback, the
// wayback one (off, queued wayback jobs wait unclaimed). Link checks fetch
// with the archive's limits, so that a page can be compared with its
// archived copy.
func handleLinkJobs(runner *jobs.Runner, env jobEnv) {
	fetch := fetcher.New(fetcher.Config{Allow: env.allow, MaxBytes: env.store.MaxFileBytes(), Timeout: archiveTimeout})
	runner.Handle(models.JobCheckLink, (&linkcheck.Checker{Store: env.store, Fetcher: fetch, HostGap: env.links.hostGap}).Handle)
	if env.links.wayback {
		saver := &wayback.Saver{Store: env.store, Fetcher: fetch, Endpoint: env.links.waybackEndpoint, HostGap: env.links.hostGap}
		runner.Handle(models.JobWayback, saver.Handle)
	}
}

// scheduleLinkChecks asks, every few minutes until ctx ends, for the link
// checks that are due (see linkcheck.Scheduler); it returns at once when
// they are off.
func scheduleLinkChecks(ctx context.Context, store *models.Store, logger *slog.Logger, env linkEnv) {
	(&linkcheck.Scheduler{Store: store, Interval: env.interval, HostGap: env.hostGap, Logger: logger}).Run(ctx)
}
