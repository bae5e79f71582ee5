package org.preconsult.redundancy.infrastructure;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.preconsult.redundancy.application.RedundancyProperties;

/** Wires the catalogue index and its search from {@code preconsult.data-dir} and {@code preconsult.redundancy.*}. */
@Factory
class RedundancyFactory {

    @Singleton
    TextAnalysis textAnalysis() {
        return new TextAnalysis();
    }

    @Singleton
    @Bean(preDestroy = "close")
    CatalogueIndex catalogueIndex(@Value("${preconsult.data-dir}") Path dataDir, RedundancyProperties properties,
                                  TextAnalysis analysis) {
        return properties.inMemory()
                ? CatalogueIndex.inMemory(analysis, properties.effectiveSearchThreads())
                : CatalogueIndex.onDisk(dataDir.resolve("index").resolve("catalogue"), analysis,
                        properties.effectiveSearchThreads());
    }

    @Singleton
    LuceneCandidateSearch candidateSearch(CatalogueIndex index, RedundancyProperties properties) {
        return new LuceneCandidateSearch(index, LuceneCandidateSearch.Tuning.from(properties));
    }
}
