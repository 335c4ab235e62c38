package marketsim.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A chart's image as PNG bytes (ISO/IEC 15948, the PNG specification), from an opaque {@link BufferedImage} of type
 * {@code TYPE_INT_RGB}: 8-bit RGB, no interlacing, every row unfiltered (filter type 0), deflated at {@link #LEVEL}.
 *
 * <p>Why not ImageIO's writer: it chooses a filter per row by trying all five, which is most of its time, and on
 * charts (large flat areas, thin lines) the unfiltered rows deflate smaller than any filter does: a 1280 x 720 line
 * chart took 35-44 ms and 158 KB with ImageIO, 13 ms and 148 KB here at deflate level 4 (docs/PERFORMANCE.md, "Writing results"). The
 * pixels are the same (ChartsTest decodes the bytes with ImageIO and compares every pixel); the bytes differ from
 * ImageIO's (RGB without the alpha channel ImageIO wrote, always opaque).
 */
final class Png {
    /**
     * Deflate's level. On the 25 charts of a default jeo-baseline run (deflate alone, warm, per chart): level 1
     * 4.9 ms and 100 KB, 3 5.4 ms and 93 KB, 4 (ImageIO's default) 8.9 ms and 91 KB, 6 12.1 ms and 86 KB. Level 3
     * keeps the files within 2% of level 4's at 60% of its time.
     */
    private static final int LEVEL = 3;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BYTES_PER_PIXEL = 3;
    /**
     * Bytes of rows handed to deflate at a time: the rows are laid out block by block in one small array rather than
     * all at once in a 2.8 MB one (which the garbage collector allocates as a humongous object per chart).
     */
    private static final int BLOCK = 1 << 18;

    private Png() {
    }

    /** The image, which must be {@code TYPE_INT_RGB}, as PNG bytes. */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("an opaque RGB image is needed, got type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int rowBytes = 1 + width * BYTES_PER_PIXEL;
        int rowsPerBlock = Math.max(1, BLOCK / rowBytes);
        byte[] block = new byte[Math.min(height, rowsPerBlock) * rowBytes];
        ByteArrayOutputStream idat = new ByteArrayOutputStream(height * rowBytes / 8);
        Deflater deflater = new Deflater(LEVEL);
        try {
            byte[] buffer = new byte[1 << 16];
            for (int first = 0; first < height; first += rowsPerBlock) {
                int rows = Math.min(rowsPerBlock, height - first);
                int at = 0;
                for (int y = first; y < first + rows; y++) {
                    block[at++] = 0; // filter type None
                    for (int x = y * width, end = x + width; x < end; x++) {
                        int rgb = pixels[x];
                        block[at++] = (byte) (rgb >>> 16);
                        block[at++] = (byte) (rgb >>> 8);
                        block[at++] = (byte) rgb;
                    }
                }
                boolean last = first + rows >= height;
                deflater.setInput(block, 0, at);
                if (last) {
                    deflater.finish();
                }
                // until the block is taken in; after the last one, until the stream is complete
                while (last ? !deflater.finished() : !deflater.needsInput()) {
                    idat.write(buffer, 0, deflater.deflate(buffer));
                }
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        // compression method 0 (deflate), filter method 0, no interlace: zeros
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }
}
