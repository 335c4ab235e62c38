package marketsim.classroom;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;

/**
 * The join address as a QR code, drawn as SVG on the server so the projected teacher's page needs no library and no
 * network beyond the classroom's: one path of unit squares on a white square with the standard quiet zone, scaled by
 * the page. Error correction is MEDIUM (about 15% of the code may be unreadable), the usual choice for a code read
 * off a projector from across a room.
 */
public final class JoinQr {
    /** The light margin every side, in modules: the QR standard's quiet zone (ISO/IEC 18004 asks for four). */
    public static final int QUIET_ZONE = 4;

    private JoinQr() {
    }

    /** The SVG of {@code address}'s QR code; an address too long to encode is refused with a reason. */
    public static String svg(String address) {
        QrCode qr;
        try {
            qr = QrCode.encodeText(address, QrCode.Ecc.MEDIUM);
        } catch (DataTooLongException e) {
            throw new IllegalArgumentException("the join address is too long for a QR code (" + address.length()
                    + " characters)", e);
        }
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\" data-modules=\"" + qr.size + "\">\n"
                + "<title>" + escape(address) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
                + "<path d=\"" + path + "\" fill=\"#000000\"/>\n"
                + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
