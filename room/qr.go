package room

import (
	"image"

	qrcode "github.com/skip2/go-qrcode"
)

// QRCode returns a PNG of a QR code of the join address, size pixels wide,
// for the projector.
func QRCode(joinURL string, size int) ([]byte, error) {
	return qrcode.Encode(joinURL, qrcode.Medium, size)
}

// QRImage returns the QR code of the join address as an image, size pixels
// wide, for a window to draw.
func QRImage(joinURL string, size int) (image.Image, error) {
	q, err := qrcode.New(joinURL, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	return q.Image(size), nil
}

// QRText returns the QR code of the join address drawn with Unicode half
// blocks, two modules a character high, for a terminal.
func QRText(joinURL string) (string, error) {
	q, err := qrcode.New(joinURL, qrcode.Medium)
	if err != nil {
		return "", err
	}
	return q.ToSmallString(false), nil
}
