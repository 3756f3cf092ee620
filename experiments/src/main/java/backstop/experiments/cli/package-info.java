/**
 * The {@code backstop} command line ({@link Main}, picocli): {@code run}, {@code sweep}, {@code merge},
 * {@code slurm}, {@code report}, {@code validate} and the library listings. Only parses arguments, calls the other
 * experiments packages and the analysis report, and prints; the only package that uses picocli, and it holds no
 * simulation logic of its own.
 */
package backstop.experiments.cli;
