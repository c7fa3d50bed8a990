package main

import (
	"log/slog"
	"slices"
	"testing"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The server's runner takes link checks and webhook deliveries, and
// Wayback jobs only with --wayback on (off, they wait unclaimed).
func TestRunnerHandlesLinkJobs(t *testing.T) {
	s := modelstest.Open(t, "sqlite", models.Config{})
	for _, on := range []bool{false, true} {
		env := jobEnv{store: s, logger: slog.New(slog.DiscardHandler), fetcher: fetcher.New(fetcher.Config{}), links: linkEnv{hostGap: models.DefaultHostGap, wayback: on}}
		kinds := newRunner(env, jobs.Config{}).Kinds()
		if !slices.Contains(kinds, models.JobCheckLink) || !slices.Contains(kinds, models.JobArchiveSource) || slices.Contains(kinds, models.JobWayback) != on ||
			!slices.Contains(kinds, models.JobDeliverWebhook) {
			t.Errorf("wayback %v: kinds %v", on, kinds)
		}
	}
}
