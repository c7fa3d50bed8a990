package main

import (
	"log/slog"

	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/models"
)

// jobEnv is what the background jobs' handlers may use: the server's
// database, logger and outside-URL fetcher.
type jobEnv struct {
	store   *models.Store
	logger  *slog.Logger
	fetcher *fetcher.Client
	links   linkEnv
}

// newRunner makes the background jobs runner of the server and registers
// the handler of each kind of job (models.JobArchiveSource,
// models.JobCheckLink, models.JobWayback) with runner.Handle. A kind
// without a handler is not claimed: its jobs wait in the queue.
func newRunner(env jobEnv, cfg jobs.Config) *jobs.Runner {
	cfg.Logger = env.logger
	runner := jobs.New(env.store, cfg)
	handleLinkJobs(runner, env.store, env.links)
	return runner
}
