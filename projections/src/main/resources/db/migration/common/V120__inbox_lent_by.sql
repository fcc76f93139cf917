-- a departure lists the steps the leaver lent out as well as those they hold
create index inbox_item_on_behalf_of on inbox_item (on_behalf_of);
