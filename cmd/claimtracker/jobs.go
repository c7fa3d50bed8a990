package main

import (
	"log/slog"
	"net/netip"
	"net/url"
	"time"

	"claimtracker/archive"
	"claimtracker/fetcher"
	"claimtracker/jobs"
	"claimtracker/mailer"
	"claimtracker/models"
	"claimtracker/notifymail"
	"claimtracker/webhook"
)

// jobEnv is what the background jobs' handlers may use: the server's
// database, logger and outside-URL fetcher, and the networks that
// --fetch-allow opens to fetchers with other limits.
type jobEnv struct {
	store   *models.Store
	logger  *slog.Logger
	fetcher *fetcher.Client
	allow   []netip.Prefix
	links   linkEnv
	// mailer sends e-mail notifications; nil when mail is off.
	mailer *mailer.Mailer
	// baseURL is the site's public address, for links in e-mail.
	baseURL *url.URL
}

// archiveTimeout bounds the fetch of one source's page for its archive,
// which may be as large as the file size limit.
const archiveTimeout = 2 * time.Minute

// newRunner makes the background jobs runner of the server and registers
// the handler of each kind of job (models.JobArchiveSource,
// models.JobCheckLink, models.JobWayback, models.JobDeliverWebhook, and
// models.JobSendMail when mail is set up) with runner.Handle. A kind
// without a handler is not claimed: its jobs wait in the queue.
func newRunner(env jobEnv, cfg jobs.Config) *jobs.Runner {
	cfg.Logger = env.logger
	runner := jobs.New(env.store, cfg)
	archiver := &archive.Archiver{Store: env.store, Fetcher: fetcher.New(fetcher.Config{
		Allow: env.allow, MaxBytes: env.store.MaxFileBytes(), Timeout: archiveTimeout,
	})}
	runner.Handle(models.JobArchiveSource, archiver.Run)
	// Webhook deliveries go through the fetcher's rules with its default
	// size limit (the answer's body is not kept) and no redirects.
	sender := &webhook.Sender{Store: env.store, Fetcher: fetcher.New(fetcher.Config{Allow: env.allow, Timeout: webhook.Timeout})}
	runner.Handle(models.JobDeliverWebhook, sender.Handle)
	handleLinkJobs(runner, env)
	if env.mailer != nil {
		runner.Handle(models.JobSendMail, (&notifymail.Sender{Store: env.store, Mailer: env.mailer, BaseURL: env.baseURL}).Handle)
	}
	return runner
}
