// Package mailer sends e-mail through one SMTP server (RFC 5321), as a
// newsroom's outgoing relay or mail provider takes it: on the submission
// port with STARTTLS (RFC 3207), with implicit TLS (RFC 8314), or in the
// clear to a relay on the same machine, signing in with a user name and
// password when given. It wraps github.com/wneessen/go-mail and knows
// nothing of what the messages say.
package mailer

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Security is how the connection to the SMTP server is protected.
type Security string

// The ways of protecting the connection.
const (
	// STARTTLS connects in the clear and upgrades the connection with the
	// STARTTLS command before anything else is said (RFC 3207); a server
	// that does not offer it is refused. The usual submission port is 587
	// (RFC 6409).
	STARTTLS Security = "starttls"
	// TLS speaks TLS from the first byte, "implicit TLS" (RFC 8314,
	// section 3.3), on port 465 as a rule.
	TLS Security = "tls"
	// None sends everything, the password too, in the clear: only for a
	// relay on the same machine or a trusted network.
	None Security = "none"
)

// ParseSecurity reads the name of a Security: "starttls", "tls" or
// "none", case-insensitively.
func ParseSecurity(s string) (Security, error) {
	switch sec := Security(strings.ToLower(strings.TrimSpace(s))); sec {
	case STARTTLS, TLS, None:
		return sec, nil
	}
	return "", fmt.Errorf("%q is not starttls, tls or none", s)
}

// Config is where and how mail is sent.
type Config struct {
	// Host is the SMTP server's name or address; Port its port (1 to
	// 65535).
	Host string
	Port int
	// Security protects the connection (see Security).
	Security Security
	// User and Password sign in (SMTP AUTH, RFC 4954, with the best
	// mechanism the server offers); none when User is empty.
	User, Password string
	// From is the sender's address (RFC 5322 addr-spec, with an optional
	// display name: "Desk <desk@example.org>").
	From string
	// TLSConfig, when set, replaces the default TLS settings (the
	// system's roots, TLS 1.2 or later), as a test trusting its own
	// certificate does; its ServerName defaults to Host.
	TLSConfig *tls.Config
	// Timeout bounds connecting and each command (default 30 seconds).
	Timeout time.Duration
}

// Check reports the first problem of c, naming the setting: no host, a
// port out of range, an unknown security, a password without a user, or a
// From that is not an address.
func (c Config) Check() error {
	if strings.TrimSpace(c.Host) == "" {
		return errors.New("host: is required")
	}
	if c.Port < 1 || c.Port > 65535 {
		return fmt.Errorf("port: must be between 1 and 65535, not %d", c.Port)
	}
	if _, err := ParseSecurity(string(c.Security)); err != nil {
		return fmt.Errorf("security: %w", err)
	}
	if c.User == "" && c.Password != "" {
		return errors.New("password: is set without a user")
	}
	if _, err := mail.ParseAddress(c.From); err != nil {
		return fmt.Errorf("from: %q is not an e-mail address like Newsroom <desk@example.org>", c.From)
	}
	return nil
}

// Message is one e-mail to one person.
type Message struct {
	// To is the recipient's address, ToName their display name.
	To, ToName string
	// FromName is the sender's display name when Config.From has none.
	FromName string
	// Subject is the subject line, Text the plain-text body; HTML, when
	// set, is an alternative HTML body (multipart/alternative, RFC 2046).
	Subject, Text, HTML string
	// Language is the BCP 47 tag of the message's language, sent as its
	// Content-Language (RFC 3282).
	Language string
}

// Mailer sends messages with one Config. It is safe for concurrent use;
// each Send opens its own connection.
type Mailer struct {
	cfg  Config
	from *mail.Address
}

// New returns a Mailer for cfg, or cfg's problem (see Config.Check).
func New(cfg Config) (*Mailer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg.Security, _ = ParseSecurity(string(cfg.Security))
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	from, _ := mail.ParseAddress(cfg.From)
	return &Mailer{cfg: cfg, from: from}, nil
}

// Send connects to the server, delivers msg to msg.To and disconnects. The
// error, when the server refused something, carries its reply code (see
// Code): a 5xx reply (an unknown recipient, a refused sign-in) will be
// refused again, see Permanent; a 4xx reply or a network failure may pass
// later.
func (m *Mailer) Send(ctx context.Context, msg Message) error {
	gm := gomail.NewMsg()
	name := m.from.Name
	if name == "" {
		name = msg.FromName
	}
	if err := gm.FromFormat(name, m.from.Address); err != nil {
		return fmt.Errorf("from: %w: %w", ErrMessage, err)
	}
	if err := gm.AddToFormat(msg.ToName, msg.To); err != nil {
		return fmt.Errorf("to %q: %w: %w", msg.To, ErrMessage, err)
	}
	gm.Subject(msg.Subject)
	gm.SetMessageID()
	gm.SetDate()
	if msg.Language != "" {
		gm.SetGenHeader("Content-Language", msg.Language)
	}
	gm.SetBodyString(gomail.TypeTextPlain, msg.Text)
	if msg.HTML != "" {
		gm.AddAlternativeString(gomail.TypeTextHTML, msg.HTML)
	}
	c, err := m.client()
	if err != nil {
		return err
	}
	if err := c.DialAndSendWithContext(ctx, gm); err != nil {
		return fmt.Errorf("send mail to %s through %s:%d: %w", msg.To, m.cfg.Host, m.cfg.Port, err)
	}
	return nil
}

// client makes the go-mail client of m's Config.
func (m *Mailer) client() (*gomail.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if m.cfg.TLSConfig != nil {
		tc = m.cfg.TLSConfig.Clone()
	}
	if tc.ServerName == "" {
		tc.ServerName = m.cfg.Host
	}
	opts := []gomail.Option{gomail.WithPort(m.cfg.Port), gomail.WithTimeout(m.cfg.Timeout), gomail.WithTLSConfig(tc)}
	switch m.cfg.Security {
	case TLS:
		opts = append(opts, gomail.WithSSL())
	case STARTTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case None:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if m.cfg.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(m.cfg.User), gomail.WithPassword(m.cfg.Password))
	}
	c, err := gomail.NewClient(m.cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp client for %s:%d: %w", m.cfg.Host, m.cfg.Port, err)
	}
	return c, nil
}

// Code is the SMTP reply code (RFC 5321, section 4.2) of the server's
// answer that err reports, or 0 when err is no refusal by the server (a
// network or TLS failure, a timeout).
func Code(err error) int {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		return se.ErrorCode()
	}
	return 0
}

// ErrMessage is the error of a message that cannot be written at all: an
// address (RFC 5322, section 3.4) that does not parse. No server is asked;
// it would fail again.
var ErrMessage = errors.New("the message cannot be written")

// Permanent reports whether err will recur: a permanent negative reply
// (5yz, RFC 5321 section 4.2.1), as to an unknown mailbox (550) or with a
// refused sign-in (535), or a message that cannot be written
// (ErrMessage). A transient reply (4yz) or a failure to reach the server
// is not permanent.
func Permanent(err error) bool {
	if errors.Is(err, ErrMessage) {
		return true
	}
	c := Code(err)
	return c >= 500 && c < 600
}
