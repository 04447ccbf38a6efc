COPY kenes.proposal_topic (proposal_id, topic_id) FROM STDIN
