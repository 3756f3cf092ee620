package backstop.experiments.dataset;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Parquet file read with parquet-java (Apache's reference implementation, not DuckDB, which writes the dataset):
 * each column's physical type and annotation, and every row as Java values (String, Long, Double, Boolean; null for
 * a missing value).
 */
record ParquetJava(Map<String, String> types, List<Object[]> rows) {
    static ParquetJava read(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            Map<String, String> types = new LinkedHashMap<>();
            for (Type t : schema.getFields()) {
                PrimitiveType p = t.asPrimitiveType();
                LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
                types.put(t.getName(), p.getPrimitiveTypeName() + (a == null ? "" : " " + a));
            }
            List<Object[]> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add(values(records.read(), schema));
                }
            }
            return new ParquetJava(types, rows);
        }
    }

    private static Object[] values(Group g, MessageType schema) {
        Object[] out = new Object[schema.getFieldCount()];
        for (int c = 0; c < out.length; c++) {
            if (g.getFieldRepetitionCount(c) == 0) {
                continue;
            }
            out[c] = switch (schema.getType(c).asPrimitiveType().getPrimitiveTypeName()) {
                case BINARY -> g.getString(c, 0);
                case INT64 -> g.getLong(c, 0);
                case INT32 -> (long) g.getInteger(c, 0);
                case DOUBLE -> g.getDouble(c, 0);
                case BOOLEAN -> g.getBoolean(c, 0);
                default -> throw new IllegalStateException("unexpected column type " + schema.getType(c));
            };
        }
        return out;
    }

    /** The column names, in file order. */
    List<String> columns() {
        return List.copyOf(types.keySet());
    }

    /** Index of a column; fails naming it when absent. */
    int column(String name) {
        int i = columns().indexOf(name);
        if (i < 0) {
            throw new AssertionError("no column '" + name + "' in " + columns());
        }
        return i;
    }
}
