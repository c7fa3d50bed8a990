package handlers

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// idParam reads a numeric path parameter; anything else is a 404.
func idParam(c echo.Context, name string) (uint, error) {
	n, err := strconv.ParseUint(c.Param(name), 10, 32)
	if err != nil || n == 0 {
		return 0, models.ErrNotFound
	}
	return uint(n), nil
}
