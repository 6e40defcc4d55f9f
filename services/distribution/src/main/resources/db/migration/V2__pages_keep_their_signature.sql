-- Pages are served only while the stored ArticlePublished still carries distribution's signature and it verifies
-- (JdbcPageStore checks every page it reads back). Pages stored before this version were kept without the
-- signature, so none of them would be served: empty the projection, and distribution rebuilds it from
-- article.published, whose records are signed and kept forever. The site answers 503 until it has caught up.
-- Stop every instance of the previous version before the first instance of this one starts: an old instance
-- would go on storing pages without their signature and moving the projection's position past them.
delete from page;
delete from slug_owner;
delete from applied_event;
delete from projection_position where projection = 'pages';
