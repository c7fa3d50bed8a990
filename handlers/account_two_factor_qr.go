package handlers

import (
	"bytes"
	"image/png"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// qrPixels is the width and height of the QR code image.
const qrPixels = 400

// accountTwoFactorQR draws the key being set up as a QR code (PNG, from
// pquerna/otp) for an authenticator app to scan. It answers only the
// signed-in user, for their own key, and only while it is being set up:
// otherwise 404. It is never cached.
func (h *Handler) accountTwoFactorQR(c echo.Context) error {
	st, err := h.store.TwoFactorStatus(c.Request().Context(), currentUser(c))
	if err != nil {
		return err
	}
	if st.Setup == nil {
		return models.ErrNotFound
	}
	key, err := st.Setup.Key()
	if err != nil {
		return err
	}
	img, err := key.Image(qrPixels, qrPixels)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "image/png", buf.Bytes())
}
