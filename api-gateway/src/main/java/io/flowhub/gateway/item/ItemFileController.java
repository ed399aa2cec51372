package io.flowhub.gateway.item;

import io.flowhub.gateway.system.Envelope;
import io.flowhub.gateway.user.Caller;
import io.flowhub.gateway.system.NotFoundException;
import io.flowhub.store.ObjectIds;
import io.flowhub.store.file.FileStore;
import io.flowhub.store.file.PathOutsideRootException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.flowhub.store.item.ItemFields.FILE_PATH;

/** An item's one file: upload (multipart, size limited by {@code flowhub.files.max-size}) and download. */
@RestController
@RequestMapping("/api/v1/items/{itemId}/file")
class ItemFileController {

    private static final Logger log = LoggerFactory.getLogger(ItemFileController.class);

    private final ItemEditor editor;
    private final ItemQueries queries;
    private final FileStore files;

    ItemFileController(ItemEditor editor, ItemQueries queries, FileStore files) {
        this.editor = editor;
        this.queries = queries;
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Envelope<Item> upload(Caller caller, @PathVariable String itemId, @RequestParam("file") MultipartFile file) {
        ObjectId id = ObjectIds.parse("item id", itemId);
        queries.get(caller, id);
        String stored;
        try (var content = file.getInputStream()) {
            stored = files.save(content, file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
        var before = editor.attachFile(caller, id, stored);
        removeReplaced(before.getString(FILE_PATH));
        return Envelope.of("File uploaded successfully", queries.get(caller, id));
    }

    @GetMapping
    ResponseEntity<Resource> download(Caller caller, @PathVariable String itemId) {
        Item item = queries.get(caller, ObjectIds.parse("item id", itemId));
        if (item.filePath() == null) {
            throw new NotFoundException("File of item", itemId);
        }
        Path path;
        try {
            path = files.resolve(item.filePath());
        } catch (PathOutsideRootException e) {
            log.error("Item {} points outside the files root: {}", itemId, e.getMessage());
            throw new NotFoundException("File of item", itemId);
        }
        if (!Files.isRegularFile(path)) {
            throw new NotFoundException("File of item", itemId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(path.getFileName().toString()).build().toString())
                .body(new FileSystemResource(path));
    }

    private void removeReplaced(String previous) {
        if (previous == null) {
            return;
        }
        try {
            Files.deleteIfExists(files.resolve(previous));
        } catch (IOException | RuntimeException e) {
            // why: the item already points at the new file; the old one is an orphan for the sweep to remove
            log.warn("Could not remove the replaced file {}: {}", previous, e.getMessage());
        }
    }
}
