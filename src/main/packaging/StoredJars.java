import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A build step, not part of the function: rewrites target/function.zip so that every jar inside it stores its
 * classes uncompressed, and the zip itself compresses everything. Lambda unpacks function.zip once per deployment;
 * the JVM then reads classes from the jars on every cold start. Stored jars cost no inflating at class load, and
 * the outer zip compresses the stored classes better than each jar compressed its own (23.4 → 17.2 MiB, measured by
 * the benchmark with -Dbench.lever.zip; docs/performance.md).
 *
 * <p>Run by pom.xml (exec-maven-plugin, phase package, after Quarkus builds the zip) as a single-file program:
 * {@code java src/main/packaging/StoredJars.java target/function.zip}. A zip without jars (the native build's) is
 * left as it is.
 */
public class StoredJars {

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args[0]);
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".tmp");
        int jars = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            out.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] data = in.readAllBytes();
                if (entry.getName().endsWith(".jar")) {
                    data = stored(data);
                    jars++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        if (jars == 0) {
            Files.delete(rewritten);
            System.out.println("StoredJars: no jar in " + zip + ", left as it is");
            return;
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("StoredJars: %d jars in %s now store their entries (%.1f MiB)%n", jars, zip,
                Files.size(zip) / 1048576.0);
    }

    /** The same jar, entries in the same order with the same names and times, each STORED. */
    static byte[] stored(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] data = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(data.length);
                copy.setCompressedSize(data.length);
                copy.setCrc(crc.getValue());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
