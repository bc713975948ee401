package no.samhandling.discharge.stay;

import java.util.List;

/**
 * The figures of many new stays were stored at once ({@link StayHistoryImport}): fired once, synchronously inside
 * the import's transaction, so an observer that keeps figures derived from them (statistics' aggregates) adds them
 * all in one go and commits or rolls back with the import. The stays are new: none had figures before.
 */
public record StayFiguresStoredInBulk(List<StayFiguresStored> stays) {

    public StayFiguresStoredInBulk {
        stays = List.copyOf(stays);
    }

    @Override
    public String toString() {
        return "StayFiguresStoredInBulk[" + stays.size() + " stays]";
    }
}
